package io.github.liveupdate.aws;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/** Chooses the AWS region for a goal and checks that it looks like one. */
public final class Regions {

    /** Region codes such as us-east-1, ap-southeast-2, us-gov-west-1 or cn-north-1. */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

    private Regions() {}

    /**
     * Returns the region from the first place that sets one: the parameter, the profile's {@code region} in
     * the config file, then the AWS_REGION and AWS_DEFAULT_REGION environment variables.
     *
     * @param configured the goal's region parameter, or null
     * @param profileRegion a reader of the named profile's region, or an empty optional
     * @param profileDescription where the profile region was looked for, for the error message
     * @param environment the process environment
     * @throws LiveUpdateException if no place sets a region, or the region found is not a region code
     */
    public static Region resolve(
            String configured,
            Optional<String> profileRegion,
            String profileDescription,
            Map<String, String> environment) {
        List<String> looked = new ArrayList<>();
        looked.add("the <region> parameter (-Dliveupdate.region)");
        if (isSet(configured)) {
            return parse(configured.trim(), "the <region> parameter");
        }
        looked.add(profileDescription);
        if (profileRegion.isPresent() && isSet(profileRegion.get())) {
            return parse(profileRegion.get().trim(), profileDescription);
        }
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            looked.add("the " + variable + " environment variable");
            String value = environment.get(variable);
            if (isSet(value)) {
                return parse(value.trim(), "the " + variable + " environment variable");
            }
        }
        throw new LiveUpdateException("No AWS region is set. Looked in: " + String.join("; ", looked)
                + ". Set <region> in the plugin configuration or pass -Dliveupdate.region=eu-west-1.");
    }

    /**
     * Parses a region code.
     *
     * @param source where the value came from, for the error message
     */
    public static Region parse(String value, String source) {
        if (!REGION.matcher(value).matches()) {
            throw new LiveUpdateException("Region '" + value + "' from " + source
                    + " is not an AWS region code. Use a code such as eu-west-1 or us-east-1.");
        }
        return Region.of(value);
    }

    /** Returns the ARN partition of a region: aws, aws-cn or aws-us-gov. */
    public static String partition(Region region) {
        String id = region.id();
        if (id.startsWith("cn-")) {
            return "aws-cn";
        }
        if (id.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** Returns the region that signs requests to the global IAM endpoint of the region's partition. */
    public static Region iamRegion(Region region) {
        switch (partition(region)) {
            case "aws-cn":
                return Region.AWS_CN_GLOBAL;
            case "aws-us-gov":
                return Region.AWS_US_GOV_GLOBAL;
            default:
                return Region.AWS_GLOBAL;
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
