import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper
def dir = new File(basedir, 'target/pinpoint-events')
def json = new JsonSlurper().parse(new File(dir, 'pinpoint-events.json'))
assert json.summary.requests == 2 && json.summary.failed == 1
def failing = json.requests.find { !it.passed }
assert failing.violations[0].ruleId == 'event.event-type-blank'
assert failing.violations[0].pointer == '/BatchItem/ep-1/Events/e-1/EventType'
assert failing.violations[0].line == 7

def sarif = new JsonSlurper().parse(new File(dir, 'pinpoint-events.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert result.ruleId == 'event.event-type-blank'
assert result.locations[0].physicalLocation.region.startLine == 7
assert sarif.runs[0].tool.driver.rules.find { it.id == 'event.event-type-blank' }

def junit = new XmlSlurper().parse(new File(dir, 'TEST-pinpoint-events.xml'))
assert junit.@tests == '2' && junit.@failures == '1'
assert junit.testcase.find { it.failure.size() > 0 }.failure.@type == 'event.event-type-blank'
assert new File(dir, 'pinpoint-events.txt').text.contains('2 requests in 2 files: 1 passed, 1 failed')
def html = new File(dir, 'pinpoint-events.html').text
assert html.startsWith('<!DOCTYPE html>')
assert html.contains('2 requests in 2 files: 1 passed, 1 failed')
assert html.contains('href="#rule-event.event-type-blank"') && html.contains('<dt id="rule-event.event-type-blank">')
assert html.contains('<mark>')
true
