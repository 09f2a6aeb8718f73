package io.github.liveupdate.teardown;

import io.github.liveupdate.aws.AwsConnection;
import io.github.liveupdate.aws.AwsFiles;
import io.github.liveupdate.core.LiveUpdateException;
import io.github.liveupdate.core.Reporter;
import io.github.liveupdate.credentials.ProfileRemover;
import io.github.liveupdate.teardown.TeardownItem.Action;
import java.util.List;

/**
 * Deletes what setup created for a bucket: the profile section, the IAM user's access keys, the user, the IAM
 * policy, the bucket policy statement and the CORS rule, and with {@link TeardownSpec#deleteBucket()} the
 * bucket's objects and the bucket. It first prints the plan, then deletes only when the spec carries the bucket
 * name as confirmation.
 */
public final class Teardown {

    private final AwsConnection aws;
    private final AwsFiles files;
    private final Reporter reporter;

    /**
     * @param aws the connection that signs as the administrator
     * @param files the credentials and config files that contain the profile
     */
    public Teardown(AwsConnection aws, AwsFiles files, Reporter reporter) {
        this.aws = aws;
        this.files = files;
        this.reporter = reporter;
    }

    /**
     * Reads what is there, prints the plan, and deletes the plan's items unless it is a dry run.
     *
     * @return the plan that was printed
     * @throws LiveUpdateException if the plan would delete something and the spec is not confirmed, if the
     *     bucket belongs to another account or region, or if AWS refuses a deletion
     */
    public TeardownPlan run(TeardownSpec spec) {
        TeardownState state = new StateReader(
                        aws.s3(), aws.iam(), aws.sts(), aws.region(), aws.partition(), files, reporter)
                .read(spec);
        TeardownPlan plan = TeardownPlanner.plan(spec, state);
        report(spec, plan);

        if (!plan.hasChanges()) {
            reporter.info("Teardown found nothing of the setup for bucket " + spec.bucket() + " to delete.");
            return plan;
        }
        if (spec.dryRun()) {
            reporter.info("Dry run: teardown deleted nothing.");
            return plan;
        }
        if (!spec.isConfirmed()) {
            throw notConfirmed(spec, plan);
        }
        List<TeardownExecutor.Result> results = new TeardownExecutor(
                        aws.s3(), aws.iam(), new ProfileRemover(files, reporter), reporter)
                .execute(spec, plan);
        reporter.info("Teardown complete: " + count(results, TeardownExecutor.Result.DELETED) + " deleted, "
                + count(results, TeardownExecutor.Result.RESTORED) + " restored, "
                + count(results, TeardownExecutor.Result.NOT_FOUND) + " already gone, "
                + plan.withAction(Action.KEEP).size() + " kept.");
        return plan;
    }

    private void report(TeardownSpec spec, TeardownPlan plan) {
        reporter.info("Teardown plan for bucket " + spec.bucket() + " in "
                + aws.region().id() + ":");
        for (TeardownItem item : plan.items()) {
            reporter.info("  " + item.describe());
        }
    }

    private static LiveUpdateException notConfirmed(TeardownSpec spec, TeardownPlan plan) {
        String problem = spec.confirmation() == null || spec.confirmation().isEmpty()
                ? "No confirmation was given"
                : "The confirmation '" + spec.confirmation() + "' is not the bucket name";
        return new LiveUpdateException(problem + ", so teardown deleted nothing. To delete the "
                + plan.changes().size() + " items that the plan above lists, run it again with <confirm>"
                + spec.bucket() + "</confirm> or -Dliveupdate.teardown.confirm=" + spec.bucket()
                + ". To only print the plan, set -Dliveupdate.dryRun=true.");
    }

    private static long count(List<TeardownExecutor.Result> results, TeardownExecutor.Result expected) {
        return results.stream().filter(result -> result == expected).count();
    }
}
