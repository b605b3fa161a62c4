package io.github.pinpointevents.server;

import io.github.pinpointevents.core.JsonCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The endpoints registered with UpdateEndpoint, for GetEndpoint: at most {@code capacity}, the least recently
 * updated forgotten first, so the map's memory does not grow with the number of requests.
 */
final class EndpointRegistry {

    private final int capacity;
    private final LinkedHashMap<String, ObjectNode> endpoints;

    EndpointRegistry(int capacity) {
        this.capacity = capacity;
        this.endpoints = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
                return size() > EndpointRegistry.this.capacity;
            }
        };
    }

    /**
     * Stores an EndpointRequest as the EndpointResponse GetEndpoint returns: the request's members, merged over
     * what was registered before (UpdateEndpoint creates or updates), plus ApplicationId, Id, CreationDate
     * (kept from the first registration) and RequestId.
     */
    void update(String applicationId, String endpointId, JsonNode request, String requestId) {
        String key = applicationId + "\u0000" + endpointId;
        synchronized (endpoints) {
            ObjectNode stored = endpoints.remove(key);
            ObjectNode next = stored != null ? stored : JsonCodec.object();
            request.properties().forEach(member -> next.set(member.getKey(), member.getValue().deepCopy()));
            next.put("ApplicationId", applicationId);
            next.put("Id", endpointId);
            if (!next.has("CreationDate")) {
                next.put("CreationDate", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            }
            next.put("RequestId", requestId);
            endpoints.put(key, next);
        }
    }

    Optional<ObjectNode> get(String applicationId, String endpointId) {
        synchronized (endpoints) {
            ObjectNode stored = endpoints.get(applicationId + "\u0000" + endpointId);
            return Optional.ofNullable(stored).map(ObjectNode::deepCopy);
        }
    }
}
