package io.github.pinpointevents.core.report;

import io.github.pinpointevents.core.fixture.RequestResult;
import io.github.pinpointevents.core.result.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the shape Maven Surefire writes: one {@code testsuite}, one {@code testcase} per request
 * (classname: the file; name: the file, or file:line in NDJSON), a {@code failure} for each failing request
 * whose text lists its findings. Times are 0: the report is deterministic.
 */
public final class JUnitReport {

    public void write(List<RequestResult> results, PrintWriter out) {
        open(out).writeAll(results);
    }

    /**
     * The test suite's counts come first in the XML but are known only at the end, so the test cases are
     * spooled to a temporary file as they arrive and copied out after the counts.
     */
    public ReportWriter open(PrintWriter out) {
        Path spool;
        Writer spoolWriter;
        XMLStreamWriter cases;
        try {
            spool = Files.createTempFile("pinpoint-events-junit-", ".xml");
            spoolWriter = Files.newBufferedWriter(spool, StandardCharsets.UTF_8);
            cases = XMLOutputFactory.newInstance().createXMLStreamWriter(spoolWriter);
        } catch (IOException | XMLStreamException e) {
            throw new UncheckedIOException("cannot create the JUnit report's temporary file: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
        Summary.Tally tally = new Summary.Tally();
        return new ReportWriter() {
            @Override
            public void add(RequestResult r) {
                tally.add(r);
                try {
                    testCase(cases, r);
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("cannot write the JUnit report", e);
                }
            }

            @Override
            public void finish() {
                try {
                    cases.close();
                    spoolWriter.close();
                    Summary summary = tally.summary();
                    XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
                    xml.writeStartDocument("UTF-8", "1.0");
                    xml.writeCharacters("\n");
                    xml.writeStartElement("testsuite");
                    xml.writeAttribute("name", "pinpoint-events");
                    xml.writeAttribute("time", "0");
                    xml.writeAttribute("tests", String.valueOf(summary.requests()));
                    xml.writeAttribute("errors", "0");
                    xml.writeAttribute("skipped", "0");
                    xml.writeAttribute("failures", String.valueOf(summary.failed()));
                    xml.writeCharacters(""); // closes the start tag before the spooled test cases
                    xml.flush();
                    try (Reader spooled = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                        spooled.transferTo(out);
                    }
                    xml.writeCharacters("\n");
                    xml.writeEndElement();
                    xml.writeCharacters("\n");
                    xml.writeEndDocument();
                    xml.flush();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException("cannot write the JUnit report", e);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read back the JUnit report's temporary file", e);
                } finally {
                    try {
                        Files.deleteIfExists(spool);
                    } catch (IOException e) {
                        // a leftover temporary file is harmless
                    }
                }
                out.flush();
            }
        };
    }

    private static void testCase(XMLStreamWriter xml, RequestResult r) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", r.name());
        xml.writeAttribute("classname", r.source());
        xml.writeAttribute("time", "0");
        if (!r.passed()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", headline(r));
            xml.writeAttribute("type", type(r));
            xml.writeCharacters(String.join("\n", details(r)));
            xml.writeEndElement();
            xml.writeCharacters("\n  ");
        }
        xml.writeEndElement();
    }

    private static String headline(RequestResult r) {
        if (r.mismatch() != null) {
            return "differs from " + r.expectedFile() + ": " + r.mismatch();
        }
        if (r.decision().error() != null) {
            return r.decision().error().errorType() + ": "
                    + r.decision().error().message().lines().findFirst().orElse("");
        }
        return r.decision().errors().isEmpty() ? "the AWS CLI refuses it before sending"
                : r.decision().errors().get(0).message();
    }

    private static String type(RequestResult r) {
        if (r.mismatch() != null) {
            return SarifReport.MISMATCH_RULE;
        }
        List<Finding> all = r.decision().errors().isEmpty() ? r.parameterFindings() : r.decision().errors();
        return all.isEmpty() ? "" : all.get(0).rule().id();
    }

    private static List<String> details(RequestResult r) {
        List<String> lines = new ArrayList<>();
        for (List<Finding> group : List.of(r.decision().errors(), r.parameterFindings())) {
            for (Finding v : group) {
                lines.add((v.line() > 0 ? r.source() + ":" + v.line() + ":" + v.column() + ": " : "") + v.rule().id()
                        + " " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": "
                        + v.message().lines().findFirst().orElse(""));
            }
        }
        return lines;
    }
}
