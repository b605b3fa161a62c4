package io.github.pinpointevents.cli;
public final class Main { public static void main(String[] a) {} }
