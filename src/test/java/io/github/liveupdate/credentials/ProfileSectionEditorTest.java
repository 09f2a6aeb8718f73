package io.github.liveupdate.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Outcome;
import io.github.liveupdate.credentials.ProfileSectionEditor.FileKind;
import io.github.liveupdate.credentials.ProfileSectionEditor.KeyChange;
import io.github.liveupdate.credentials.ProfileSectionEditor.Result;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

class ProfileSectionEditorTest {

    private static final String KEY_ID = "AKIATESTFAKE00000001";
    private static final String SECRET = "fake-secret-for-tests-only-1";
    private static final String FILE = "/home/test/.aws/credentials";

    private static final List<KeyChange> KEY = List.of(
            KeyChange.set("aws_access_key_id", KEY_ID),
            KeyChange.set("aws_secret_access_key", SECRET),
            KeyChange.remove("aws_session_token", "it belonged to the old key"));

    private static Result editCredentials(String content) {
        return new ProfileSectionEditor(FileKind.CREDENTIALS, "liveupdate", FILE).edit(content, KEY);
    }

    private static Result editConfig(String profile, String content) {
        return new ProfileSectionEditor(FileKind.CONFIG, profile, "/home/test/.aws/config")
                .edit(content, List.of(KeyChange.set("region", "eu-west-1")));
    }

    private static Map<String, String> sdkProfile(String content, ProfileFile.Type type, String profile) {
        return ProfileFile.builder()
                .content(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
                .type(type)
                .build()
                .profile(profile)
                .orElseThrow()
                .properties();
    }

    @Test
    void replacesKeysInPlace() {
        String before = "[other]\naws_access_key_id = OTHER\n\n[liveupdate]\naws_access_key_id = OLDID\n"
                + "aws_secret_access_key = old-fake-secret\n\n[after]\nx = 1\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[other]\naws_access_key_id = OTHER\n\n[liveupdate]\naws_access_key_id = " + KEY_ID
                        + "\naws_secret_access_key = " + SECRET + "\n\n[after]\nx = 1\n");
        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void appendsSectionAfterBlankLine() {
        Result result = editCredentials("[other]\nk = v\n");

        assertThat(result.content())
                .isEqualTo("[other]\nk = v\n\n[liveupdate]\naws_access_key_id = " + KEY_ID
                        + "\naws_secret_access_key = " + SECRET + "\n");
        assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void appendsWithoutSecondBlankLine() {
        Result result = editCredentials("[other]\nk = v\n\n");

        assertThat(result.content()).startsWith("[other]\nk = v\n\n[liveupdate]\n");
    }

    @Test
    void appendsToEmptyFile() {
        Result result = editCredentials("");

        assertThat(result.content())
                .isEqualTo(
                        "[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n");
    }

    @Test
    void appendKeepsCrlfAndNoFinalNewline() {
        Result result = editCredentials("[other]\r\nk = v");

        assertThat(result.content())
                .isEqualTo("[other]\r\nk = v\r\n\r\n[liveupdate]\r\naws_access_key_id = " + KEY_ID
                        + "\r\naws_secret_access_key = " + SECRET);
    }

    @Test
    void keepsCrlfLineEndings() {
        String before = "; top comment\r\n[liveupdate]\r\naws_access_key_id = OLDID\r\n\r\n[b]\r\nk = v\r\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("; top comment\r\n[liveupdate]\r\naws_access_key_id = " + KEY_ID
                        + "\r\naws_secret_access_key = " + SECRET + "\r\n\r\n[b]\r\nk = v\r\n");
    }

    @Test
    void keepsMissingFinalLineEndingInPlace() {
        String before = "[a]\nk = v\n[liveupdate]\naws_access_key_id = OLDID";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[a]\nk = v\n[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = "
                        + SECRET);
    }

    @Test
    void keepsCommentsInsideAndOutsideSection() {
        String before = "# outside\n[liveupdate]\n# inside, hash\naws_access_key_id = OLDID\n; inside, semicolon\n"
                + "aws_secret_access_key = old-fake-secret\n# about the next section\n[next]\nk = v\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("# outside\n[liveupdate]\n# inside, hash\naws_access_key_id = " + KEY_ID
                        + "\n; inside, semicolon\naws_secret_access_key = " + SECRET
                        + "\n# about the next section\n[next]\nk = v\n");
    }

    @Test
    void addsMissingKeyAfterLastProperty() {
        String before = "[liveupdate]\naws_access_key_id = OLDID\n\n# about next\n[next]\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET
                        + "\n\n# about next\n[next]\n");
    }

    @Test
    void findsHeaderWithOddSpacingAndComment() {
        String before = "[ liveupdate ] ; mine\naws_access_key_id=OLDID\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[ liveupdate ] ; mine\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = "
                        + SECRET + "\n");
    }

    @Test
    void keepsLineWithSameValueByteForByte() {
        String before = "[liveupdate]\naws_access_key_id   =" + KEY_ID + "   # current key\n"
                + "aws_secret_access_key\t= " + SECRET + "\n";

        Result result = editCredentials(before);

        assertThat(result.content()).isEqualTo(before);
        assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void keepsUnknownKeys() {
        String before = "[liveupdate]\noutput = json\naws_access_key_id = OLDID\nmetadata_service_timeout = 5\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[liveupdate]\noutput = json\naws_access_key_id = " + KEY_ID
                        + "\nmetadata_service_timeout = 5\naws_secret_access_key = " + SECRET + "\n");
    }

    @Test
    void removesSessionTokenWithNote() {
        String before = "[liveupdate]\naws_access_key_id = OLDID\naws_secret_access_key = old-fake-secret\n"
                + "aws_session_token = fake-token\n";

        Result result = editCredentials(before);

        assertThat(result.content()).doesNotContain("aws_session_token");
        assertThat(result.notes()).singleElement().asString().contains("aws_session_token", "line 4");
    }

    @Test
    void dropsContinuationLinesOfReplacedKey() {
        // An indented line continues the value before it, even an indented "comment".
        String before = "[liveupdate]\naws_secret_access_key = old-fake-secret\n  # indented\n\n  more\n[b]\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo("[liveupdate]\naws_secret_access_key = " + SECRET + "\n\naws_access_key_id = " + KEY_ID
                        + "\n[b]\n");
    }

    @Test
    void removesDuplicateKeyLinesWithWarning() {
        String before = "[liveupdate]\naws_access_key_id = FIRST\naws_access_key_id = SECOND\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo(
                        "[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n");
        assertThat(result.warnings()).singleElement().asString().contains("line 3");
    }

    @Test
    void replacesUpperCaseKeyLinesWithLowerCase() {
        String before = "[liveupdate]\nAWS_ACCESS_KEY_ID = OLDID\nAWS_Secret_Access_Key = old-fake-secret\n";

        Result result = editCredentials(before);

        assertThat(result.content())
                .isEqualTo(
                        "[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n");
    }

    @Test
    void rewritesUpperCaseKeyWithSameValue() {
        String before = "[liveupdate]\nAWS_ACCESS_KEY_ID = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n";

        Result result = editCredentials(before);

        assertThat(sdkProfile(result.content(), ProfileFile.Type.CREDENTIALS, "liveupdate"))
                .containsEntry("aws_access_key_id", KEY_ID);
    }

    @Test
    void removesSecondKeyLineInOtherCase() {
        String before = "[liveupdate]\naws_access_key_id = FIRST\nAws_Access_Key_Id = SECOND\n";

        Result result = editCredentials(before);

        assertThat(result.warnings()).singleElement().asString().contains("line 3");
    }

    @Test
    void updateIfPresentAddsNothing() {
        Result result = new ProfileSectionEditor(FileKind.CREDENTIALS, "liveupdate", FILE)
                .edit("[liveupdate]\nk = v\n", List.of(KeyChange.updateIfPresent("region", "eu-west-1")));

        assertThat(result.content()).isEqualTo("[liveupdate]\nk = v\n");
    }

    @Test
    void updateIfPresentReplacesValue() {
        Result result = new ProfileSectionEditor(FileKind.CREDENTIALS, "liveupdate", FILE)
                .edit("[liveupdate]\nregion = us-east-1\n", List.of(KeyChange.updateIfPresent("region", "eu-west-1")));

        assertThat(result.content()).isEqualTo("[liveupdate]\nregion = eu-west-1\n");
    }

    @Test
    void keepsLoneCarriageReturnLines() {
        Result result = editCredentials("[a]\rk = v\r");

        assertThat(result.content())
                .isEqualTo("[a]\rk = v\r\r[liveupdate]\raws_access_key_id = " + KEY_ID + "\raws_secret_access_key = "
                        + SECRET + "\r");
    }

    @Test
    void rejectsSectionTwiceWithLineNumbers() {
        String before = "[liveupdate]\nk = v\n[other]\nk = v\n[ liveupdate ]\nk = w\n";

        assertThatThrownBy(() -> editCredentials(before))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("lines 1, 5")
                .hasMessageContaining(FILE);
    }

    @Test
    void rejectsProfilePrefixInCredentials() {
        String before = "[profile liveupdate]\naws_access_key_id = OLDID\n";

        assertThatThrownBy(() -> editCredentials(before))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 1")
                .hasMessageContaining("belongs in the config file")
                .hasMessageContaining("[liveupdate]");
    }

    @Test
    void rejectsHeaderWithoutClosingBracket() {
        assertThatThrownBy(() -> editCredentials("[a]\nk = v\n[broken\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("Line 3")
                .hasMessageContaining("']'");
    }

    @Test
    void removesByteOrderMarkWithWarning() {
        Result result = editCredentials("\uFEFF[other]\nk = v\n");

        assertThat(result.content()).startsWith("[other]\nk = v\n\n[liveupdate]\n");
        assertThat(result.warnings()).singleElement().asString().contains("byte order mark");
    }

    @Test
    void byteOrderMarkRemovalSdkReadsResult() {
        Result result = editCredentials("\uFEFF[other]\nk = v\n");

        assertThat(sdkProfile(result.content(), ProfileFile.Type.CREDENTIALS, "other"))
                .containsEntry("k", "v");
        assertThat(sdkProfile(result.content(), ProfileFile.Type.CREDENTIALS, "liveupdate"))
                .containsEntry("aws_access_key_id", KEY_ID);
    }

    @Test
    void byteOrderMarkAloneCountsAsChange() {
        String before =
                "\uFEFF[liveupdate]\naws_access_key_id = " + KEY_ID + "\naws_secret_access_key = " + SECRET + "\n";

        Result result = editCredentials(before);

        assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(result.content()).isEqualTo(before.substring(1));
    }

    @Test
    void configUsesProfilePrefix() {
        Result result = editConfig("liveupdate", "[default]\nregion = us-east-1\n");

        assertThat(result.content())
                .isEqualTo("[default]\nregion = us-east-1\n\n[profile liveupdate]\nregion = eu-west-1\n");
    }

    @Test
    void configFindsProfileWithTabAndSpaces() {
        Result result = editConfig("liveupdate", "[ profile\t liveupdate ]\noutput = json\n");

        assertThat(result.content()).isEqualTo("[ profile\t liveupdate ]\noutput = json\nregion = eu-west-1\n");
    }

    @Test
    void configNotesIgnoredPlainHeader() {
        Result result = editConfig("liveupdate", "[liveupdate]\nregion = us-east-1\n");

        assertThat(result.content()).startsWith("[liveupdate]\nregion = us-east-1\n\n[profile liveupdate]\n");
        assertThat(result.notes()).singleElement().asString().contains("Line 1", "ignore");
    }

    @Test
    void configUsesDefaultHeaderForDefault() {
        Result result = editConfig("default", "[profile other]\nregion = us-east-1\n");

        assertThat(result.content()).endsWith("\n\n[default]\nregion = eu-west-1\n");
    }

    @Test
    void configFindsProfileDefaultForDefault() {
        Result result = editConfig("default", "[profile default]\nregion = us-east-1\n");

        assertThat(result.content()).isEqualTo("[profile default]\nregion = eu-west-1\n");
    }

    @Test
    void configRejectsBothDefaultForms() {
        assertThatThrownBy(() -> editConfig("default", "[default]\nregion = a\n[profile default]\nregion = b\n"))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("lines 1, 3");
    }

    @Test
    void credentialsTakesDefaultHeader() {
        Result result = new ProfileSectionEditor(FileKind.CREDENTIALS, "default", FILE)
                .edit("[default]\naws_access_key_id = OLDID\n", KEY);

        assertThat(result.content()).startsWith("[default]\naws_access_key_id = " + KEY_ID + "\n");
    }

    @Test
    void otherProfileWithSamePrefixIsOther() {
        Result result = editCredentials("[liveupdate2]\naws_access_key_id = OTHER\n");

        assertThat(result.content()).startsWith("[liveupdate2]\naws_access_key_id = OTHER\n\n[liveupdate]\n");
    }

    @Test
    void resultHidesSecret() {
        Result result = editCredentials("");

        assertThat(result.toString()).doesNotContain(SECRET);
        assertThat(KEY.get(1).toString()).doesNotContain(SECRET);
    }
}
