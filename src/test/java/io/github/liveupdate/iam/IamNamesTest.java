package io.github.liveupdate.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IamNamesTest {

    private static final String ALLOWED = "[\\w+=,.@-]+";

    @Test
    void userNameAddsPrefixToBucket() {
        assertThat(IamNames.defaultUserName("my-game")).isEqualTo("liveupdate-my-game");
    }

    @Test
    void policyNameAddsPrefixToBucket() {
        assertThat(IamNames.defaultPolicyName("my-game")).isEqualTo("liveupdate-my-game");
    }

    @Test
    void userNameOfLongestBucketFitsIamLimit() {
        String bucket = "b".repeat(63);

        String name = IamNames.defaultUserName(bucket);

        assertThat(name).hasSize(64);
        assertThat(name).startsWith("liveupdate-bbbb");
        assertThat(name).matches(".*-[0-9a-f]{8}");
    }

    @Test
    void policyNameOfLongestBucketIsNotShortened() {
        String bucket = "b".repeat(63);

        assertThat(IamNames.defaultPolicyName(bucket)).isEqualTo("liveupdate-" + bucket);
    }

    @Test
    void userNameOfSixtyFourCharactersIsKept() {
        String bucket = "c".repeat(53);

        assertThat(IamNames.defaultUserName(bucket)).isEqualTo("liveupdate-" + bucket);
    }

    @Test
    void shortenedNamesOfSimilarBucketsDiffer() {
        String common = "studio-game-liveupdate-content-production-eu-";
        String first = common + "west-1-aaaaaa";
        String second = common + "west-1-aaaaab";

        String firstName = IamNames.defaultUserName(first);
        String secondName = IamNames.defaultUserName(second);

        assertThat(firstName).hasSize(64);
        assertThat(secondName).hasSize(64);
        assertThat(firstName).isNotEqualTo(secondName);
    }

    @Test
    void shortenedNameIsStable() {
        String bucket = "d".repeat(60);

        assertThat(IamNames.defaultUserName(bucket)).isEqualTo(IamNames.defaultUserName(bucket));
    }

    @Test
    void disallowedCharactersBecomeHyphens() {
        assertThat(IamNames.defaultUserName("a b/c")).isEqualTo("liveupdate-a-b-c");
    }

    @Property
    void defaultUserNameIsAlwaysValid(@ForAll @StringLength(min = 1, max = 200) String bucket) {
        String name = IamNames.defaultUserName(bucket);

        assertThat(name.length()).isLessThanOrEqualTo(IamNames.MAX_USER_NAME_LENGTH);
        assertThat(name).matches(ALLOWED);
    }

    @Property
    void defaultPolicyNameIsAlwaysValid(@ForAll @StringLength(min = 1, max = 300) String bucket) {
        String name = IamNames.defaultPolicyName(bucket);

        assertThat(name.length()).isLessThanOrEqualTo(IamNames.MAX_POLICY_NAME_LENGTH);
        assertThat(name).matches(ALLOWED);
    }

    @Test
    void checkAcceptsAllowedCharacters() {
        assertThat(IamNames.checkUserName("Upload_user+1=a,b.c@d-e")).isEqualTo("Upload_user+1=a,b.c@d-e");
    }

    @Test
    void checkRejectsSpace() {
        assertThatThrownBy(() -> IamNames.checkUserName("upload user"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'upload user'")
                .hasMessageContaining("-Dliveupdate.userName");
    }

    @Test
    void checkRejectsLongUserName() {
        assertThatThrownBy(() -> IamNames.checkUserName("u".repeat(65)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("1 to 64 characters");
    }

    @Test
    void checkRejectsLongPolicyName() {
        assertThatThrownBy(() -> IamNames.checkPolicyName("p".repeat(129)))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("-Dliveupdate.policyName");
    }

    @Test
    void checkAcceptsPolicyNameOfMaxLength() {
        String name = "p".repeat(128);

        assertThat(IamNames.checkPolicyName(name)).isEqualTo(name);
    }
}
