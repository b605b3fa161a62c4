// Runs the real Amplify JS 6 analytics against `pinpoint-events serve`, the way an app would after its
// Pinpoint host is routed to serve: Amplify.configure with a Cognito identity pool, then record() and
// flushEvents(). Usage: node record-events.mjs SERVE_URL APP_ID COUNT
//
// globalThis.fetch is replaced (Amplify's transfer handler calls the global fetch,
// @aws-amplify/core/dist/esm/clients/handlers/fetch.mjs) so that:
//  - https://pinpoint.us-east-1.amazonaws.com/... goes to SERVE_URL, same method, path, headers and body;
//  - https://cognito-identity.us-east-1.amazonaws.com/ (GetId, then GetCredentialsForIdentity, told apart by
//    the x-amz-target header) is answered here with a fake identity and fake credentials;
//  - anything else is refused, so nothing leaves the machine.
// Prints one JSON line: the calls made ("METHOD path status"), and the events seen accepted by serve.
// Exits 0 when every recorded event was answered 202 by serve, 1 otherwise (or after 20 s).
import { Amplify } from 'aws-amplify';
import { record, flushEvents } from 'aws-amplify/analytics';

const [serveUrl, appId, countArg] = process.argv.slice(2);
const count = Number.parseInt(countArg ?? '5', 10);
if (!serveUrl || !appId || !(count > 0)) {
    console.error('usage: node record-events.mjs SERVE_URL APP_ID COUNT');
    process.exit(2);
}
const region = 'us-east-1';
const pinpointHost = `pinpoint.${region}.amazonaws.com`;
const cognitoHost = `cognito-identity.${region}.amazonaws.com`;
const identityId = `${region}:11111111-2222-4333-8444-555555555555`;
const realFetch = globalThis.fetch;
const calls = [];
const accepted = [];

function json(status, body) {
    return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-cognito' },
    });
}

globalThis.fetch = async (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init.headers);
    const method = (init.method ?? 'GET').toUpperCase();
    if (url.host === cognitoHost) {
        const target = headers.get('x-amz-target');
        calls.push(`${method} cognito-identity ${target}`);
        if (target === 'AWSCognitoIdentityService.GetId') {
            return json(200, { IdentityId: identityId });
        }
        if (target === 'AWSCognitoIdentityService.GetCredentialsForIdentity') {
            return json(200, {
                IdentityId: identityId,
                Credentials: {
                    AccessKeyId: 'ASIAFAKEFAKEFAKEFAKE',
                    SecretKey: 'fake-secret-key-for-pinpoint-events-serve',
                    SessionToken: 'fake-session-token',
                    Expiration: Math.floor(Date.now() / 1000) + 3600,
                },
            });
        }
        return json(400, { __type: 'InvalidParameterException', message: `unexpected ${target}` });
    }
    if (url.host !== pinpointHost) {
        calls.push(`${method} ${url.host} refused`);
        throw new TypeError(`record-events.mjs opens no connection to ${url.host}`);
    }
    const target = new URL(url.pathname + url.search, serveUrl);
    headers.delete('host');
    const body = method === 'GET' || method === 'HEAD' ? undefined : init.body;
    const answer = await realFetch(target, { method, headers, body });
    const text = await answer.text();
    calls.push(`${method} ${url.pathname} ${answer.status}`);
    if (url.pathname.endsWith('/events') && answer.status === 202) {
        const sent = JSON.parse(body).BatchItem;
        const results = JSON.parse(text).Results;
        for (const [endpointId, item] of Object.entries(sent)) {
            for (const [eventId, event] of Object.entries(item.Events ?? {})) {
                if (results[endpointId]?.EventsItemResponse?.[eventId]?.StatusCode === 202) {
                    accepted.push({ endpointId, eventId, eventType: event.EventType });
                }
            }
        }
    }
    return new Response(text, { status: answer.status, headers: answer.headers });
};

Amplify.configure({
    Auth: { Cognito: { identityPoolId: `${region}:00000000-0000-4000-8000-000000000000`, allowGuestAccess: true } },
    Analytics: { Pinpoint: { appId, region } },
});

for (let i = 0; i < count; i++) {
    record({ name: `amplify.test.${i}`, attributes: { index: String(i), page: '/checkout' }, metrics: { n: i } });
}

const deadline = Date.now() + 20_000;
while (accepted.length < count && Date.now() < deadline) {
    flushEvents();
    await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(JSON.stringify({ calls, accepted }));
process.exit(accepted.length === count ? 0 : 1);
