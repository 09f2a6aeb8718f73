package io.github.liveupdate.maven;

import io.github.liveupdate.core.LiveUpdateException;
import java.util.List;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Checks the values of a goal's boolean parameters before Maven's conversion reads them. Maven turns any text
 * other than {@code true} into {@code false}, so {@code -Dliveupdate.publicRead=yes} would quietly mean no.
 */
final class BooleanParameters {

    private BooleanParameters() {}

    /**
     * Fails on the first boolean parameter whose configured or evaluated value is neither {@code true} nor
     * {@code false}, in any case.
     *
     * @param execution the goal's execution, whose configuration contains the raw values and expressions
     * @param evaluator evaluates expressions such as {@code ${liveupdate.publicRead}}
     * @throws LiveUpdateException naming the parameter, its property, the value and the two allowed values
     */
    static void check(MojoExecution execution, ExpressionEvaluator evaluator) {
        Xpp3Dom configuration = execution.getConfiguration();
        List<Parameter> parameters = execution.getMojoDescriptor().getParameters();
        if (configuration == null || parameters == null) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (!"boolean".equals(parameter.getType()) && !"java.lang.Boolean".equals(parameter.getType())) {
                continue;
            }
            Xpp3Dom element = configuration.getChild(parameter.getName());
            if (element == null || element.getValue() == null) {
                continue;
            }
            Object value = evaluate(evaluator, element.getValue());
            if (value instanceof String text && !isBoolean(text)) {
                throw new LiveUpdateException("Parameter " + parameter.getName()
                        + propertyOf(parameter) + " is '" + text + "', and it takes true or false."
                        + " Set it to true or false in the POM or on the command line.");
            }
        }
    }

    /** Returns whether Maven reads the text as the boolean it seems to mean. */
    static boolean isBoolean(String text) {
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
    }

    private static Object evaluate(ExpressionEvaluator evaluator, String raw) {
        try {
            return evaluator.evaluate(raw);
        } catch (ExpressionEvaluationException e) {
            // Maven reports the same expression error itself when it configures the goal.
            return null;
        }
    }

    private static String propertyOf(Parameter parameter) {
        String expression = parameter.getExpression();
        if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
            return " (-D" + expression.substring(2, expression.length() - 1) + ")";
        }
        return "";
    }
}
