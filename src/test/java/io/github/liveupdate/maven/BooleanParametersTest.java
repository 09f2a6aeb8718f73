package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.liveupdate.core.LiveUpdateException;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.DuplicateParameterException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class BooleanParametersTest {

    @Test
    void rejectsYesFromProperty() throws Exception {
        MojoExecution execution = execution("publicRead", "${liveupdate.publicRead}");

        assertThatThrownBy(() -> BooleanParameters.check(execution, properties(Map.of("liveupdate.publicRead", "yes"))))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("publicRead (-Dliveupdate.publicRead) is 'yes'");
    }

    @Test
    void rejectsOneFromPom() throws Exception {
        MojoExecution execution = execution("publicRead", "1");

        assertThatThrownBy(() -> BooleanParameters.check(execution, properties(Map.of())))
                .isInstanceOf(LiveUpdateException.class)
                .hasMessageContaining("'1'");
    }

    @Test
    void acceptsFalseInCapitals() throws Exception {
        MojoExecution execution = execution("publicRead", "${liveupdate.publicRead}");

        assertThatCode(() -> BooleanParameters.check(execution, properties(Map.of("liveupdate.publicRead", "FALSE"))))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsUnsetProperty() throws Exception {
        MojoExecution execution = execution("publicRead", "${liveupdate.publicRead}");

        assertThatCode(() -> BooleanParameters.check(execution, properties(Map.of())))
                .doesNotThrowAnyException();
    }

    @Test
    void ignoresTextParameters() throws Exception {
        MojoDescriptor descriptor = new MojoDescriptor();
        Parameter prefix = new Parameter();
        prefix.setName("prefix");
        prefix.setType("java.lang.String");
        descriptor.addParameter(prefix);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(element("prefix", "yes"));
        MojoExecution execution = new MojoExecution(descriptor, configuration);

        assertThatCode(() -> BooleanParameters.check(execution, properties(Map.of())))
                .doesNotThrowAnyException();
    }

    private static MojoExecution execution(String name, String value) throws DuplicateParameterException {
        MojoDescriptor descriptor = new MojoDescriptor();
        Parameter parameter = new Parameter();
        parameter.setName(name);
        parameter.setType("boolean");
        parameter.setExpression("${liveupdate." + name + "}");
        descriptor.addParameter(parameter);
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(element(name, value));
        return new MojoExecution(descriptor, configuration);
    }

    private static Xpp3Dom element(String name, String value) {
        Xpp3Dom element = new Xpp3Dom(name);
        element.setValue(value);
        return element;
    }

    /** Evaluates ${name} from the map, as Maven does from user properties, and leaves other text as it is. */
    private static ExpressionEvaluator properties(Map<String, String> values) {
        return new ExpressionEvaluator() {
            @Override
            public Object evaluate(String expression) {
                if (expression.startsWith("${") && expression.endsWith("}")) {
                    return values.get(expression.substring(2, expression.length() - 1));
                }
                return expression;
            }

            @Override
            public File alignToBaseDirectory(File file) {
                return file;
            }
        };
    }
}
