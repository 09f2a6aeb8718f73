package io.github.liveupdate.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTableTest {

    private final List<Check> checks = List.of(
            Check.pass("Profile resolves", "'liveupdate', key AKIA************MPLE"),
            Check.fail("CORS preflight allows GET", "HTTP 403", "Run mvn liveupdate:setup."),
            Check.skip("Manifest", "no manifest"));

    @Test
    void alignsColumns() {
        List<String> lines = CheckTable.render(checks);

        assertThat(lines.get(0)).isEqualTo("#  Check                      Result  Detail");
        assertThat(lines.get(1)).isEqualTo("-  -------------------------  ------  ------");
        assertThat(lines.get(2))
                .isEqualTo("1  Profile resolves           PASS    'liveupdate', key AKIA************MPLE");
        assertThat(lines.get(3)).isEqualTo("2  CORS preflight allows GET  FAIL    HTTP 403");
        assertThat(lines.get(4)).isEqualTo("3  Manifest                   SKIP    no manifest");
    }

    @Test
    void listsFixOfEachFailure() {
        List<String> lines = CheckTable.render(checks);

        assertThat(lines).hasSize(6);
        assertThat(lines.get(5)).isEqualTo("Fix for 2 (CORS preflight allows GET): Run mvn liveupdate:setup.");
    }

    @Test
    void widensNumberColumnForTenChecks() {
        List<Check> many = java.util.Collections.nCopies(10, Check.pass("A", "ok"));

        List<String> lines = CheckTable.render(many);

        assertThat(lines.get(2)).isEqualTo("1   A      PASS    ok");
        assertThat(lines.get(11)).isEqualTo("10  A      PASS    ok");
    }

    @Test
    void dropsTrailingSpacesOfEmptyDetail() {
        List<String> lines = CheckTable.render(List.of(Check.pass("Profile resolves", "")));

        assertThat(lines.get(2)).isEqualTo("1  Profile resolves  PASS");
    }
}
