package jlab.progress;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jlab.progress.LabProgress.QuizAnswer;
import jlab.progress.LabProgress.StepProgress;

/**
 * A learner's results across labs, for an instructor to collect: JSON in the versioned shape PROGRESS.md
 * describes ({@code "format": "jlab-results", "version": 1}), or JUnit XML with one testsuite per lab and
 * one testcase per task and per quiz question (a failure for each task not done, question not answered
 * right), which CI servers and learning platforms read.
 */
public final class Results {
    public static final String FORMAT = "jlab-results";
    public static final int VERSION = 1;

    private Results() {}

    public static String json(String learner, Instant generated, List<LabProgress> labs) {
        ObjectNode root = ProgressCodec.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("learner", learner);
        root.put("generated", generated.toString());
        ArrayNode array = root.putArray("labs");
        for (LabProgress p : labs) {
            ObjectNode lab = array.addObject();
            lab.put("lab", p.lab());
            lab.put("title", p.title());
            lab.put("steps", p.stepCount());
            lab.put("stepReached", p.reached());
            lab.put("timeSpentSeconds", p.timeSpentSeconds());
            lab.put("firstSeen", p.firstSeen());
            lab.put("lastSeen", p.lastSeen());
            lab.put("hintsUsed", p.hintsUsed());
            ObjectNode tasks = lab.putObject("tasks");
            tasks.put("done", p.tasksDone());
            tasks.put("total", p.taskCount());
            ObjectNode quiz = lab.putObject("quiz");
            quiz.put("correct", p.questionsCorrect());
            quiz.put("answered", p.questionsAnswered());
            quiz.put("total", p.questionCount());
            ArrayNode taskList = lab.putArray("taskResults");
            ArrayNode questions = lab.putArray("questions");
            for (StepProgress s : p.steps()) {
                if (s.hasTask()) {
                    ObjectNode t = taskList.addObject();
                    t.put("step", s.id());
                    t.put("task", s.task());
                    t.put("done", s.done());
                    t.put("hintsUsed", s.hints());
                }
                for (int i = 0; i < s.quiz().size(); i++) question(questions.addObject(), s.id(), i, s.quiz().get(i));
            }
            for (int i = 0; i < p.endQuiz().size(); i++) question(questions.addObject(), null, i, p.endQuiz().get(i));
        }
        try {
            return ProgressCodec.JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code step} is null for the end-of-lab quiz. */
    private static void question(ObjectNode q, String step, int index, QuizAnswer a) {
        q.put("step", step);
        q.put("number", index + 1);
        q.put("ask", a.ask());
        q.put("answer", a.answer());
        q.put("correct", a.correct());
        q.put("attempts", a.attempts());
        q.put("hintsUsed", a.hints());
        q.put("measured", a.measured());
    }

    public static String junit(String learner, Instant generated, List<LabProgress> labs) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML builder is unavailable: " + e.getMessage(), e);
        }
        Element suites = doc.createElement("testsuites");
        suites.setAttribute("name", "jlab results of " + learner);
        doc.appendChild(suites);
        int allTests = 0;
        int allFailures = 0;
        long allTime = 0;
        for (LabProgress p : labs) {
            Element suite = doc.createElement("testsuite");
            int tests = p.taskCount() + p.questionCount();
            int failures = (p.taskCount() - p.tasksDone()) + (p.questionCount() - p.questionsCorrect());
            suite.setAttribute("name", p.lab());
            suite.setAttribute("tests", String.valueOf(tests));
            suite.setAttribute("failures", String.valueOf(failures));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", String.valueOf(p.timeSpentSeconds()));
            if (p.lastSeen() != null) suite.setAttribute("timestamp", p.lastSeen());
            Element props = doc.createElement("properties");
            property(doc, props, "learner", learner);
            property(doc, props, "title", p.title());
            property(doc, props, "stepReached", p.reached() + "/" + p.stepCount());
            property(doc, props, "hintsUsed", String.valueOf(p.hintsUsed()));
            property(doc, props, "generated", generated.toString());
            suite.appendChild(props);
            for (StepProgress s : p.steps()) {
                if (s.hasTask()) {
                    Element c = testcase(doc, p.lab() + "." + s.id(), "task: " + s.task());
                    if (!s.done()) failure(doc, c, "not done", "task not done (" + s.hints() + " hints used)");
                    suite.appendChild(c);
                }
                for (int i = 0; i < s.quiz().size(); i++) {
                    suite.appendChild(questionCase(doc, p.lab() + "." + s.id(), i, s.quiz().get(i)));
                }
            }
            for (int i = 0; i < p.endQuiz().size(); i++) {
                suite.appendChild(questionCase(doc, p.lab() + ".end-of-lab", i, p.endQuiz().get(i)));
            }
            suites.appendChild(suite);
            allTests += tests;
            allFailures += failures;
            allTime += p.timeSpentSeconds();
        }
        suites.setAttribute("tests", String.valueOf(allTests));
        suites.setAttribute("failures", String.valueOf(allFailures));
        suites.setAttribute("time", String.valueOf(allTime));
        return serialize(doc);
    }

    private static Element questionCase(Document doc, String classname, int index, QuizAnswer a) {
        Element c = testcase(doc, classname, "quiz " + (index + 1) + ": " + a.ask());
        if (!a.answered()) failure(doc, c, "unanswered", "not answered");
        else if (!a.correct()) {
            failure(doc, c, "wrong", a.measured() != null ? "predicted '" + a.answer() + "', measured " + a.measured()
                    : "answered '" + a.answer() + "' after " + a.attempts() + " attempt(s)");
        }
        return c;
    }

    private static void property(Document doc, Element props, String name, String value) {
        Element e = doc.createElement("property");
        e.setAttribute("name", name);
        e.setAttribute("value", xml(value == null ? "" : value));
        props.appendChild(e);
    }

    private static Element testcase(Document doc, String classname, String name) {
        Element c = doc.createElement("testcase");
        c.setAttribute("classname", classname);
        c.setAttribute("name", xml(name));
        c.setAttribute("time", "0");
        return c;
    }

    private static void failure(Document doc, Element testcase, String type, String message) {
        Element f = doc.createElement("failure");
        f.setAttribute("type", type);
        f.setAttribute("message", xml(message));
        testcase.appendChild(f);
    }

    /** Drops what XML 1.0 cannot hold (control characters a learner may have typed into an answer). */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String serialize(Document doc) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("results could not be written as XML: " + e.getMessage(), e);
        }
    }
}
