package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class RegionsTest {

    @Test
    void parameterWins() {
        Region region =
                Regions.resolve("eu-west-1", Optional.of("us-east-1"), "profile", Map.of("AWS_REGION", "ap-south-1"));

        assertThat(region).isEqualTo(Region.EU_WEST_1);
    }

    @Test
    void profileRegionComesSecond() {
        Region region = Regions.resolve(null, Optional.of("us-east-2"), "profile", Map.of("AWS_REGION", "ap-south-1"));

        assertThat(region).isEqualTo(Region.US_EAST_2);
    }

    @Test
    void environmentComesLast() {
        Region region = Regions.resolve(null, Optional.empty(), "profile", Map.of("AWS_DEFAULT_REGION", "sa-east-1"));

        assertThat(region).isEqualTo(Region.SA_EAST_1);
    }

    @Test
    void missingRegionListsWhereItLooked() {
        assertThatThrownBy(() -> Regions.resolve(null, Optional.empty(), "the region of profile 'x'", Map.of()))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("<region>")
                .hasMessageContaining("the region of profile 'x'")
                .hasMessageContaining("AWS_REGION")
                .hasMessageContaining("AWS_DEFAULT_REGION")
                .hasMessageContaining("-Dliveupdate.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ireland", "eu_west_1", "EU-WEST-1", "eu-west", "https://s3.amazonaws.com"})
    void rejectsValuesThatAreNotRegionCodes(String value) {
        assertThatThrownBy(() -> Regions.resolve(value, Optional.empty(), "profile", Map.of()))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("not an AWS region code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1", "il-central-1"})
    void acceptsRegionCodes(String value) {
        assertThat(Regions.parse(value, "test").id()).isEqualTo(value);
    }

    @Test
    void namesPartitions() {
        assertThat(Regions.partition(Region.EU_WEST_1)).isEqualTo("aws");
        assertThat(Regions.partition(Region.CN_NORTH_1)).isEqualTo("aws-cn");
        assertThat(Regions.partition(Region.US_GOV_WEST_1)).isEqualTo("aws-us-gov");
    }

    @Test
    void signsIamInThePartitionsGlobalRegion() {
        assertThat(Regions.iamRegion(Region.EU_WEST_1)).isEqualTo(Region.AWS_GLOBAL);
        assertThat(Regions.iamRegion(Region.CN_NORTH_1)).isEqualTo(Region.AWS_CN_GLOBAL);
        assertThat(Regions.iamRegion(Region.US_GOV_WEST_1)).isEqualTo(Region.AWS_US_GOV_GLOBAL);
    }
}
