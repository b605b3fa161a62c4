/** Reports of a run (text, JSON, SARIF, JUnit XML, HTML) and the rules listing, each written as results stream in. */
package io.github.pinpointevents.core.report;
