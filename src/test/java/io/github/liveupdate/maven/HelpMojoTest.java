package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.junit.jupiter.api.Test;

@MojoTest
class HelpMojoTest {

    @Test
    @InjectMojo(goal = "help")
    void injectsHelpGoal(Mojo mojo) throws Exception {
        assertThat(mojo).isNotNull();
        mojo.execute();
    }
}
