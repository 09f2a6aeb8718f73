package io.github.liveupdate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.liveupdate.testing.Fault;
import io.github.liveupdate.testing.FaultProxy;
import io.github.liveupdate.testing.Match;
import io.github.liveupdate.testing.MotoServer;
import io.github.liveupdate.testing.RecordedRequest;
import io.github.liveupdate.testing.Trigger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** The clients of {@link AwsConnection} retry failures that the SDK's defaults give up on. */
class AwsConnectionRetryTest {

    private static MotoServer moto;
    private FaultProxy proxy;

    @TempDir
    Path folder;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Path.of("target", "moto-logs", "AwsConnectionRetryTest.log"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void startProxy() {
        moto.reset();
        proxy = FaultProxy.start(moto.endpoint());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void s3RetriesCutResponse() {
        proxy.inject(Match.action("ListBuckets"), Trigger.nth(1), Fault.truncatedResponse());
        try (AwsConnection aws = AwsConnection.open(options())) {
            aws.s3()
                    .createBucket(r ->
                            r.bucket("cut-bucket").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));

            int buckets = aws.s3().listBuckets().buckets().size();

            assertThat(buckets).isEqualTo(1);
        }
        assertThat(statuses("ListBuckets")).containsExactly(200, 200);
        assertThat(proxy.requests("ListBuckets").get(0).fault()).isEqualTo("truncated response");
    }

    @Test
    void iamRetriesCutResponse() {
        proxy.inject(Match.action("GetUser"), Trigger.nth(1), Fault.truncatedResponse());
        try (AwsConnection aws = AwsConnection.open(options())) {
            aws.iam().createUser(r -> r.userName("cut-user"));

            String name = aws.iam().getUser(r -> r.userName("cut-user")).user().userName();

            assertThat(name).isEqualTo("cut-user");
        }
        assertThat(proxy.requests("GetUser")).hasSize(2);
    }

    @Test
    void stsRetriesCutResponse() {
        proxy.inject(Match.action("GetCallerIdentity"), Trigger.nth(1), Fault.truncatedResponse());
        try (AwsConnection aws = AwsConnection.open(options())) {
            String account = aws.sts().getCallerIdentity().account();

            assertThat(account).isEqualTo("123456789012");
        }
        assertThat(proxy.requests("GetCallerIdentity")).hasSize(2);
    }

    private List<Integer> statuses(String action) {
        return proxy.requests(action).stream().map(RecordedRequest::status).toList();
    }

    private AwsOptions options() {
        return new AwsOptions(
                "eu-west-1",
                proxy.endpoint(),
                AwsFiles.resolve(folder.resolve("credentials"), folder.resolve("config"), Map.of(), folder),
                null,
                AwsBasicCredentials.create("testing", "testing"),
                Map.of(),
                AwsOptions.DEFAULT_MAX_CONNECTIONS);
    }
}
