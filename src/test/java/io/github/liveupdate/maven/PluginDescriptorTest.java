package io.github.liveupdate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the generated plugin descriptor: every goal and user-settable parameter is documented. */
class PluginDescriptorTest {

    private static Document descriptor;

    @BeforeAll
    static void readDescriptor() throws Exception {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("plugin.xml on the class path").isNotNull();
            descriptor =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    @Test
    void usesGoalPrefix() {
        assertThat(text(descriptor.getDocumentElement(), "goalPrefix")).isEqualTo("liveupdate");
    }

    @Test
    void listsEveryGoal() {
        assertThat(goals())
                .containsKeys(
                        "help",
                        "setup",
                        "setup-bucket",
                        "setup-iam",
                        "write-profile",
                        "write-settings",
                        "upload",
                        "verify",
                        "rotate-key",
                        "teardown");
    }

    @Test
    void describesEveryGoal() {
        goals().forEach((goal, mojo) -> assertThat(text(mojo, "description"))
                .as("description of goal " + goal)
                .isNotBlank());
    }

    @Test
    void describesEveryParameter() {
        List<String> undocumented = new ArrayList<>();
        goals().forEach((goal, mojo) -> {
            for (Element parameter : editableParameters(mojo)) {
                if (text(parameter, "description").isBlank()) {
                    undocumented.add(goal + ":" + text(parameter, "name"));
                }
            }
        });

        assertThat(undocumented).as("parameters without a description").isEmpty();
    }

    @Test
    void givesEveryParameterLiveupdateProperty() {
        List<String> withoutProperty = new ArrayList<>();
        goals().forEach((goal, mojo) -> {
            if (goal.equals("help")) {
                return;
            }
            Map<String, String> expressions = expressions(mojo);
            for (Element parameter : editableParameters(mojo)) {
                String name = text(parameter, "name");
                String expression = expressions.getOrDefault(name, "");
                if (!expression.startsWith("${liveupdate.")) {
                    withoutProperty.add(goal + ":" + name + " " + expression);
                }
            }
        });

        assertThat(withoutProperty)
                .as("parameters without a liveupdate.* user property")
                .isEmpty();
    }

    private static Map<String, Element> goals() {
        Map<String, Element> goals = new HashMap<>();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            goals.put(text(mojo, "goal"), mojo);
        }
        return goals;
    }

    private static List<Element> editableParameters(Element mojo) {
        List<Element> editable = new ArrayList<>();
        NodeList parameters = mojo.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if ("true".equals(text(parameter, "editable"))) {
                editable.add(parameter);
            }
        }
        return editable;
    }

    private static Map<String, String> expressions(Element mojo) {
        Map<String, String> expressions = new HashMap<>();
        NodeList configuration = mojo.getElementsByTagName("configuration");
        if (configuration.getLength() == 0) {
            return expressions;
        }
        NodeList children = configuration.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                expressions.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return expressions;
    }

    private static String text(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element
                    && element.getTagName().equals(tag)) {
                return element.getTextContent().trim();
            }
        }
        return "";
    }
}
