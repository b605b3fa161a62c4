/**
 * Not API: JSON, time and file helpers the core's packages share. Front ends and library users must not import
 * it (PackageStructureTest and each front end's boundary test say so); anything they need is wrapped in an exported
 * package. It depends on no other package of the core.
 */
package io.github.pinpointevents.core.internal;
