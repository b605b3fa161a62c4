package io.github.pinpointevents.core.catalogue;

import io.github.pinpointevents.core.rules.Rule;

import io.github.pinpointevents.core.rules.client.InvalidParameterTypeRule;
import io.github.pinpointevents.core.rules.client.MissingRequiredParameterRule;
import io.github.pinpointevents.core.rules.client.UnknownParameterRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointAttributeCountRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointAttributeNameLengthRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointAttributeValueCountRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointAttributeValueLengthRule;
import io.github.pinpointevents.core.rules.event.EventAttributeCountRule;
import io.github.pinpointevents.core.rules.event.EventAttributeKeyLengthRule;
import io.github.pinpointevents.core.rules.event.EventAttributeValueLengthRule;
import io.github.pinpointevents.core.rules.endpoint.ChannelTypeMissingRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointIdEmptyRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointMissingRule;
import io.github.pinpointevents.core.rules.endpoint.EndpointSizeRule;
import io.github.pinpointevents.core.rules.endpoint.EventsMissingRule;
import io.github.pinpointevents.core.rules.endpoint.UserEndpointLimitRule;
import io.github.pinpointevents.core.rules.event.EventIdEmptyRule;
import io.github.pinpointevents.core.rules.event.EventSizeRule;
import io.github.pinpointevents.core.rules.event.EventTypeBlankRule;
import io.github.pinpointevents.core.rules.event.EventMetricKeyLengthRule;
import io.github.pinpointevents.core.rules.event.SessionDurationMismatchRule;
import io.github.pinpointevents.core.rules.event.SessionDurationMissingRule;
import io.github.pinpointevents.core.rules.event.SessionDurationNegativeRule;
import io.github.pinpointevents.core.rules.event.SessionIdMissingRule;
import io.github.pinpointevents.core.rules.event.SessionStartMissingRule;
import io.github.pinpointevents.core.rules.event.SessionTimestampInvalidRule;
import io.github.pinpointevents.core.rules.event.TimestampInvalidRule;
import io.github.pinpointevents.core.rules.event.TimestampMissingRule;
import io.github.pinpointevents.core.rules.request.BatchItemEmptyRule;
import io.github.pinpointevents.core.rules.request.BatchItemMissingRule;
import io.github.pinpointevents.core.rules.request.ChannelTypeInvalidRule;
import io.github.pinpointevents.core.rules.request.DuplicateMemberRule;
import io.github.pinpointevents.core.rules.request.MalformedJsonRule;
import io.github.pinpointevents.core.rules.request.NotAnObjectRule;
import io.github.pinpointevents.core.rules.request.NotUtf8Rule;
import io.github.pinpointevents.core.rules.request.PayloadTooLargeRule;
import io.github.pinpointevents.core.rules.request.TooManyContainersRule;
import io.github.pinpointevents.core.rules.request.TooManyEventsRule;
import io.github.pinpointevents.core.rules.request.TypeMismatchRule;
import io.github.pinpointevents.core.rules.request.UnknownMemberRule;
import io.github.pinpointevents.core.rules.warning.AppAttributeKeysWarning;
import io.github.pinpointevents.core.rules.warning.AttributeNameCharactersWarning;
import io.github.pinpointevents.core.rules.warning.CoordinatesRangeWarning;
import io.github.pinpointevents.core.rules.warning.CountryCodeWarning;
import io.github.pinpointevents.core.rules.warning.EffectiveDateFormatWarning;
import io.github.pinpointevents.core.rules.warning.EndpointWithoutEventsWarning;
import io.github.pinpointevents.core.rules.warning.EventTypeLengthWarning;
import io.github.pinpointevents.core.rules.warning.FutureTimestampWarning;
import io.github.pinpointevents.core.rules.warning.LocaleFormatWarning;
import io.github.pinpointevents.core.rules.warning.OptOutNoneWithoutAddressWarning;
import io.github.pinpointevents.core.rules.warning.OptOutValueWarning;
import io.github.pinpointevents.core.rules.warning.ReservedEventTypeWarning;
import io.github.pinpointevents.core.rules.warning.SdkCountryLocaleWarning;
import io.github.pinpointevents.core.rules.warning.SessionEventWithoutSessionWarning;
import io.github.pinpointevents.core.rules.warning.TimestampNotUtcWarning;
import io.github.pinpointevents.core.rules.warning.TimezoneUnknownWarning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule, in decision order: when several rules refuse the same item, the first one in this list
 * gives the item's message. The order puts whole-body problems first, then structure, then values.
 */
public final class RuleCatalogue {

    private static final RuleCatalogue INSTANCE = new RuleCatalogue();

    private final List<Rule> rules = List.of(
            new PayloadTooLargeRule(),
            new NotUtf8Rule(),
            new MalformedJsonRule(),
            new DuplicateMemberRule(),
            new NotAnObjectRule(),
            new TooManyContainersRule(),
            new TypeMismatchRule(),
            new UnknownMemberRule(),
            new BatchItemMissingRule(),
            new BatchItemEmptyRule(),
            new ChannelTypeInvalidRule(),
            new TooManyEventsRule(),

            new EndpointIdEmptyRule(),
            new EndpointMissingRule(),
            new EventsMissingRule(),
            new UserEndpointLimitRule(),
            new ChannelTypeMissingRule(),
            new EndpointAttributeNameLengthRule(),
            new EndpointAttributeValueCountRule(),
            new EndpointAttributeValueLengthRule(),
            new EndpointAttributeCountRule(),
            new EndpointSizeRule(),

            new EventIdEmptyRule(),
            new EventTypeBlankRule(),
            new TimestampMissingRule(),
            new TimestampInvalidRule(),
            new EventAttributeCountRule(),
            new EventAttributeKeyLengthRule(),
            new EventAttributeValueLengthRule(),
            new EventMetricKeyLengthRule(),
            new EventSizeRule(),
            new SessionIdMissingRule(),
            new SessionStartMissingRule(),
            new SessionTimestampInvalidRule(),
            new SessionDurationMissingRule(),
            new SessionDurationNegativeRule(),
            new SessionDurationMismatchRule(),

            new MissingRequiredParameterRule(),
            new InvalidParameterTypeRule(),
            new UnknownParameterRule(),

            new TimestampNotUtcWarning(),
            new FutureTimestampWarning(),
            new ReservedEventTypeWarning(),
            new SessionEventWithoutSessionWarning(),
            new EventTypeLengthWarning(),
            new AppAttributeKeysWarning(),
            new EndpointWithoutEventsWarning(),
            new LocaleFormatWarning(),
            new SdkCountryLocaleWarning(),
            new TimezoneUnknownWarning(),
            new CountryCodeWarning(),
            new CoordinatesRangeWarning(),
            new OptOutValueWarning(),
            new OptOutNoneWithoutAddressWarning(),
            new EffectiveDateFormatWarning(),
            new AttributeNameCharactersWarning());

    private final Map<String, Rule> byId = new LinkedHashMap<>();
    private final Map<Rule, Integer> order = new java.util.IdentityHashMap<>();

    private RuleCatalogue() {
        for (Rule rule : rules) {
            if (byId.put(rule.id(), rule) != null) {
                throw new IllegalStateException("duplicate rule id " + rule.id());
            }
            order.put(rule, order.size());
        }
    }

    public static RuleCatalogue get() {
        return INSTANCE;
    }

    /** All rules, in decision order. */
    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Position in decision order: lower wins. */
    public int rank(Rule rule) {
        return order.get(rule);
    }

    /** The instance of a rule class, for the engine and for tests. */
    public <T extends Rule> T rule(Class<T> type) {
        return rules.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getName()));
    }

    public <T> List<T> rulesOf(Class<T> kind) {
        return rules.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
