package io.github.liveupdate.maven;

import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.verify.SetupVerifier;
import io.github.liveupdate.verify.VerifyReport;
import io.github.liveupdate.verify.VerifySpec;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that the setup gives the game and Defold's editor what they need, signing with {@code profile} as the
 * editor does, and prints a table of the checks: the profile resolves, its key authenticates, it may list the
 * buckets, read the bucket's ACL and put a probe object under the prefix, an unsigned GET of the published
 * manifest (or the probe) succeeds, a CORS preflight for GET is allowed, and the manifest's Live update resources
 * are in the bucket. The probe object is deleted with {@code adminProfile}'s credentials when they may. A failed
 * check fails the build with the first fix to try.
 */
@Mojo(name = "verify", requiresProject = false, threadSafe = true)
public class VerifyMojo extends AbstractLiveUpdateMojo {

    /**
     * The origin of the CORS preflight request, as a browser sends it: a scheme and a host, such as
     * {@code https://games.example.org}. Default: {@code https://example.com}.
     */
    @Parameter(property = PropertyNames.VERIFY_ORIGIN, defaultValue = VerifySpec.DEFAULT_ORIGIN)
    protected String verifyOrigin;

    /** Skips this goal. Default: false. */
    @Parameter(property = PropertyNames.VERIFY_SKIP, defaultValue = "false")
    protected boolean skipVerify;

    @Override
    protected Goal goal() {
        return new Goal("verify", PropertyNames.VERIFY_SKIP, skipVerify, true);
    }

    @Override
    protected void run(Reporter reporter) {
        VerifySpec spec = new VerifySpec(requireBucket(), prefix, profile, verifyOrigin, dryRun);
        VerifyReport report = new SetupVerifier(awsOptions(profile), awsOptions(adminProfile), reporter).verify(spec);
        report.lines().forEach(reporter::info);
        report.requirePassed();
    }
}
