package io.github.pinpointevents.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.pinpointevents.core.fixture.FixtureValidator;
import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.internal.Json;
import io.github.pinpointevents.core.report.JUnitReport;
import io.github.pinpointevents.core.report.JsonReport;
import io.github.pinpointevents.core.report.ReportFile;
import io.github.pinpointevents.core.report.ReportFormat;
import io.github.pinpointevents.core.report.SarifReport;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

/** The machine-readable reports: SARIF that validates against the SARIF 2.1.0 schema, Surefire-shaped JUnit XML. */
class ReportsTest {

    /** The SARIF 2.1.0 schema, from the npm package @microsoft/jest-sarif that tools/ajv installs. */
    private static final Path SARIF_SCHEMA = TestPaths.repoRoot()
            .resolve("tools/ajv/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

    @TempDir
    Path dir;

    private List<RequestResult> results() throws Exception {
        Path failing = dir.resolve("failing.json");
        Files.copy(TestPaths.repoRoot().resolve("samples/invalid/session-duration-mismatch.json"), failing);
        Path differs = dir.resolve("differs.json");
        Files.copy(TestPaths.repoRoot().resolve("samples/invalid/too-many-event-attributes.json"), differs);
        Files.copy(TestPaths.repoRoot().resolve("samples/invalid/session-duration-mismatch.expected.json"),
                dir.resolve("differs.expected.json"));
        FixtureValidator fixtures = new FixtureValidator(PutEventsValidator.create(ValidatorConfig.defaults()));
        List<RequestResult> results = new ArrayList<>();
        for (Path file : List.of(TestPaths.repoRoot().resolve("samples/valid/amplify-js-page-views.json"),
                TestPaths.repoRoot().resolve("samples/invalid/missing-event-type.json"), failing, differs,
                TestPaths.repoRoot().resolve("samples/valid/mixed-clients.ndjson"))) {
            results.addAll(fixtures.validateFile(file));
        }
        return results;
    }

    @Test
    void sarifValidatesAgainstTheSarifSchemaAndLocatesEachFinding() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SARIF_SCHEMA),
                "needs the SARIF schema from npm: npm ci --prefix tools/ajv (.ci/run runs it)");
        StringWriter text = new StringWriter();
        new SarifReport().write(results(), new PrintWriter(text));

        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(Files.readString(SARIF_SCHEMA), InputFormat.JSON);
        List<Error> errors = schema.validate(text.toString(), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).toList());
        // The schema is really applied: a level SARIF does not define is refused.
        assertTrue(!schema.validate(text.toString().replace("\"level\" : \"error\"", "\"level\" : \"fatal\""),
                InputFormat.JSON).isEmpty());

        JsonNode run = Json.MAPPER.readTree(text.toString()).get("runs").get(0);
        List<String> found = new ArrayList<>();
        for (JsonNode result : run.get("results")) {
            JsonNode location = result.get("locations").get(0).get("physicalLocation");
            String ruleId = result.get("ruleId").stringValue();
            assertEquals(ruleId, run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").stringValue());
            found.add(ruleId + " " + Path.of(location.at("/artifactLocation/uri").stringValue()).getFileName() + ":"
                    + location.at("/region/startLine").asInt() + ":" + location.at("/region/startColumn").asInt());
        }
        assertEquals(List.of("event.session-duration-mismatch failing.json:15:13",
                "fixture.expected-mismatch differs.json:0:0"), found);
    }

    @Test
    void junitXmlHasOneTestCasePerRequestAndAFailurePerFailingRequest() throws Exception {
        StringWriter text = new StringWriter();
        new JUnitReport().write(results(), new PrintWriter(text));
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(text.toString())));
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("9", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(9, cases.getLength());
        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        Element first = (Element) failures.item(0);
        assertEquals("event.session-duration-mismatch", first.getAttribute("type"));
        assertTrue(first.getTextContent().contains("failing.json:15:13: event.session-duration-mismatch"));
        assertEquals("fixture.expected-mismatch", ((Element) failures.item(1)).getAttribute("type"));
        assertTrue(((Element) cases.item(4)).getAttribute("name").endsWith("mixed-clients.ndjson:1"));
    }

    /** The JSON report ends with the run's counts, which it can only know once every request is written. */
    @Test
    void jsonReportListsEveryRequestThenTheSummary() throws Exception {
        StringWriter text = new StringWriter();
        new JsonReport().write(results(), new PrintWriter(text));
        JsonNode report = Json.MAPPER.readTree(text.toString());
        assertEquals(List.of("requests", "summary"), List.copyOf(report.propertyNames()));
        assertEquals(9, report.get("requests").size());
        assertEquals(9, report.at("/summary/requests").asInt());
        assertEquals(2, report.at("/summary/failed").asInt());
        assertEquals(5, report.at("/summary/files").asInt());
    }

    /** A report file replaces the earlier one only when complete: an unfinished one leaves no trace. */
    @Test
    void anUnfinishedReportFileLeavesTheEarlierReportAlone() throws Exception {
        Path target = dir.resolve("reports/pinpoint-events.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "earlier");
        List<RequestResult> results = results();
        try (ReportFile file = ReportFile.create(target, ReportFormat.JSON::open)) {
            file.add(results.get(0));
        }
        assertEquals("earlier", Files.readString(target));
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(List.of(target), left.toList());
        }
        try (ReportFile file = ReportFile.create(target, ReportFormat.JSON::open)) {
            results.forEach(file::add);
            file.commit();
        }
        assertEquals(9, Json.MAPPER.readTree(Files.readString(target)).at("/summary/requests").asInt());
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // As readable as any file the user makes (the umask's), not private as a temporary file is.
            Path ordinary = Files.writeString(dir.resolve("ordinary.txt"), "");
            assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
        }
    }
}
