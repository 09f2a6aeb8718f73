package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goals run from the command line at the root of a multi-module build: the aggregator POM without a bucket
 * (or, for upload, without a source) is skipped with one line, and every other project without one still
 * fails. The endpoint is a closed loopback port, so a goal that went on would fail with a connection error.
 */
@MojoTest
class AggregatorSkipTest {

    private static final String CLOSED_ENDPOINT = "http://127.0.0.1:1";

    @TempDir
    Path folder;

    private final CapturingLog log = new CapturingLog();

    @Test
    @InjectMojo(goal = "setup-bucket")
    void setupBucketSkipsAggregatorWithoutBucket(SetupBucketMojo mojo) throws Exception {
        prepare(mojo, project("pom", "game-a", "game-b"));

        mojo.execute();

        assertThat(log.lines())
                .containsExactly("[INFO] Skipping setup-bucket in studio: it is an aggregator POM (packaging pom,"
                        + " with modules) and sets no bucket, so the goal runs only in its modules.");
    }

    @Test
    @InjectMojo(goal = "setup")
    void setupSkipsAggregatorWithoutBucket(SetupMojo mojo) throws Exception {
        prepare(mojo, project("pom", "game"));

        mojo.execute();

        assertThat(log.lines()).singleElement().asString().startsWith("[INFO] Skipping setup in studio:");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void uploadSkipsAggregatorWithoutSource(UploadMojo mojo) throws Exception {
        prepare(mojo, project("pom", "game"));

        mojo.execute();

        assertThat(log.lines())
                .containsExactly("[INFO] Skipping upload in studio: it is an aggregator POM (packaging pom, with"
                        + " modules) and sets no source and has no game.project, so the goal runs only in its"
                        + " modules.");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void uploadSkipsAggregatorWithMissingSource(UploadMojo mojo) throws Exception {
        prepare(mojo, project("pom", "game"));
        Path missing = folder.resolve("content/game.zip");
        setSource(mojo, missing);

        mojo.execute();

        assertThat(log.lines()).singleElement().asString().contains("its source " + missing + " does not exist");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void uploadInModuleWithMissingSourceFails(UploadMojo mojo) throws Exception {
        prepare(mojo, project("pom"));
        setSource(mojo, folder.resolve("content/game.zip"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    @InjectMojo(goal = "upload")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void uploadRunsInAggregatorWithSource(UploadMojo mojo) throws Exception {
        Files.createDirectories(folder.resolve("content"));
        prepare(mojo, project("pom", "game"));
        setSource(mojo, folder.resolve("content"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(log.lines()).noneMatch(line -> line.contains("Skipping"));
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    void pomWithoutModulesStillFails(SetupBucketMojo mojo) {
        prepare(mojo, project("pom"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No bucket is set");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    void jarWithoutBucketStillFails(SetupBucketMojo mojo) {
        prepare(mojo, project("jar"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No bucket is set");
    }

    @Test
    @InjectMojo(goal = "setup-bucket")
    @MojoParameter(name = "bucket", value = "game-bucket")
    @MojoParameter(name = "region", value = "eu-west-1")
    @MojoParameter(name = "endpoint", value = CLOSED_ENDPOINT)
    void aggregatorWithBucketRuns(SetupBucketMojo mojo) {
        prepare(mojo, project("pom", "game"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(log.lines()).noneMatch(line -> line.contains("Skipping"));
    }

    @Test
    @InjectMojo(goal = "write-profile")
    void writeProfileIsNotSkippedInAggregator(WriteProfileMojo mojo) {
        prepare(mojo, project("pom", "game"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No access key to write");
    }

    private void prepare(AbstractLiveUpdateMojo mojo, MavenProject project) {
        mojo.setLog(log);
        mojo.projectFolder = folder.toFile();
        mojo.project = project;
    }

    private static MavenProject project(String packaging, String... modules) {
        Model model = new Model();
        model.setGroupId("io.github.liveupdate.it");
        model.setArtifactId("studio");
        model.setVersion("1.0");
        model.setPackaging(packaging);
        for (String module : modules) {
            model.addModule(module);
        }
        return new MavenProject(model);
    }

    private static void setSource(UploadMojo mojo, Path source) throws Exception {
        var field = UploadMojo.class.getDeclaredField("source");
        field.setAccessible(true);
        field.set(mojo, source.toFile());
    }
}
