package io.github.pinpointevents.core.result;

import java.util.List;

/**
 * The AWS CLI's parameter findings on one input, listed up to a limit.
 *
 * @param listed the first findings, in botocore's order
 * @param unlisted how many more fired beyond the limit
 */
public record ParameterFindings(List<Finding> listed, long unlisted) {

    public ParameterFindings {
        listed = List.copyOf(listed);
    }
}
