package io.github.pinpointevents.core;

/**
 * How the AWS CLI received the EventsRequest: it decides how botocore prints JSON objects in its messages.
 * {@code --events-request} is parsed into OrderedDicts, {@code --cli-input-json} into plain dicts.
 */
public enum InputSource {
    /** {@code --events-request '{...}'}: objects print as {@code OrderedDict([('k', 'v')])}. */
    EVENTS_REQUEST_ARGUMENT,
    /** {@code --cli-input-json}: objects print as {@code {'k': 'v'}}. */
    CLI_INPUT_JSON
}
