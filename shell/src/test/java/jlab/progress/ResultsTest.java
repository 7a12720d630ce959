package jlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import jlab.progress.LabProgress.QuizAnswer;
import jlab.progress.LabProgress.StepProgress;

/** The results exports: the JSON's figures, and JUnit XML that the JDK's parser reads as CI tools do. */
class ResultsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");

    /** Two labs: one with a task done, a wrong and an unanswered question; one with a control character in an answer. */
    static List<LabProgress> labs() {
        var first = FileProgressStoreTest.sample("namespaces", 2);
        var second = new LabProgress(1, "cgroups", "Cgroups & <limits>", 2, 1, 1, 30, "2026-11-23T16:00:00Z", "2026-11-23T16:00:30Z",
                List.of(new StepProgress("cpu", "CPU", "Set cpu.max to \"50000 100000\".", false, 0,
                                List.of(new QuizAnswer("What % of a CPU?", "fifty\u0007 & <half>", false, 1))),
                        new StepProgress("end", "End", null, false, 0, List.of())));
        return List.of(second, first);
    }

    @Test
    void jsonCountsTasksAndQuestionsPerLab() throws Exception {
        JsonNode root = ProgressCodec.JSON.readTree(Results.json("alice", NOW, labs()));
        assertThat(root.get("format").asText()).isEqualTo("jlab-results");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("learner").asText()).isEqualTo("alice");
        assertThat(root.get("generated").asText()).isEqualTo("2026-11-23T17:00:00Z");
        JsonNode ns = root.get("labs").get(1);
        assertThat(ns.get("lab").asText()).isEqualTo("namespaces");
        assertThat(ns.get("tasks").get("done").asInt()).isEqualTo(1);
        assertThat(ns.get("tasks").get("total").asInt()).isEqualTo(2);
        assertThat(ns.get("quiz").get("correct").asInt()).as("the end-of-lab quiz and a prediction count").isEqualTo(3);
        assertThat(ns.get("quiz").get("answered").asInt()).isEqualTo(4);
        assertThat(ns.get("quiz").get("total").asInt()).isEqualTo(5);
        assertThat(ns.get("hintsUsed").asInt()).isEqualTo(3);
        assertThat(ns.get("timeSpentSeconds").asLong()).isEqualTo(754);
        assertThat(ns.get("taskResults")).hasSize(2);
        assertThat(ns.get("taskResults").get(0).get("step").asText()).isEqualTo("hostname");
        assertThat(ns.get("questions").get(2).get("answer").isNull()).isTrue();
        assertThat(ns.get("questions").get(2).get("number").asInt()).isEqualTo(2);
        assertThat(ns.get("questions").get(3).get("measured").asText()).isEqualTo("20 periods (right within ± 4)");
        assertThat(ns.get("questions").get(3).get("hintsUsed").asInt()).isEqualTo(1);
        assertThat(ns.get("questions").get(4).get("step").isNull()).as("the end-of-lab quiz belongs to no step").isTrue();
        assertThat(ns.get("questions").get(4).get("ask").asText()).isEqualTo("Is a container a VM?");
    }

    @Test
    void junitHasASuitePerLabAndACasePerTaskAndQuestionWithFailuresForTheMissedOnes() throws Exception {
        String xml = Results.junit("alice", NOW, labs());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("5");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);

        Element ns = (Element) suites.item(1);
        assertThat(ns.getAttribute("name")).isEqualTo("namespaces");
        assertThat(ns.getAttribute("tests")).isEqualTo("7");
        assertThat(ns.getAttribute("failures")).isEqualTo("3");
        assertThat(ns.getAttribute("time")).isEqualTo("754");
        List<String> cases = new ArrayList<>();
        NodeList testcases = ns.getElementsByTagName("testcase");
        for (int i = 0; i < testcases.getLength(); i++) {
            Element c = (Element) testcases.item(i);
            NodeList failures = c.getElementsByTagName("failure");
            String verdict = failures.getLength() == 0 ? "pass" : ((Element) failures.item(0)).getAttribute("type");
            cases.add(c.getAttribute("classname") + " | " + c.getAttribute("name") + " | " + verdict);
        }
        assertThat(cases).containsExactly(
                "namespaces.intro | quiz 1: Why? | pass",
                "namespaces.hostname | task: Set the hostname. | pass",
                "namespaces.hostname | quiz 1: Which flag? | wrong",
                "namespaces.hostname | quiz 2: And? | unanswered",
                "namespaces.net | task: Bring lo up. | not done",
                "namespaces.net | quiz 1: How many throttled periods? | pass",
                "namespaces.end-of-lab | quiz 1: Is a container a VM? | pass");

        Element cg = (Element) suites.item(0);
        Element answered = (Element) cg.getElementsByTagName("failure").item(1);
        assertThat(answered.getAttribute("message")).as("markup and control characters survive as text or go")
                .isEqualTo("answered 'fifty & <half>' after 1 attempt(s)");
        assertThat(xml).contains("Cgroups &amp; &lt;limits&gt;");
    }

    @Test
    void noLabsStillMakesValidDocuments() throws Exception {
        assertThat(ProgressCodec.JSON.readTree(Results.json("bob", NOW, List.of())).get("labs")).isEmpty();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Results.junit("bob", NOW, List.of()).getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("0");
    }
}
