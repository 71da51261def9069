// The load generator, in a process of its own so that it never shares a CPU's event loop with the
// server it measures. Takes one JSON argument (see `LoadSpec` in load.ts), runs autocannon, and prints
// one line of JSON: the throughput, the latencies, and the values it was asked to collect from the
// answers (the receipts of acknowledged writes).
import autocannon from 'autocannon';

const spec = JSON.parse(process.argv[2] ?? '{}');
const collected = [];
let counter = 0;

const request = {
  method: spec.method ?? 'GET',
  path: spec.path,
  headers: spec.headers ?? {},
};
if (spec.bodyTemplate) {
  // Each request gets a body of its own: `{n}` becomes a number unique within the run.
  request.setupRequest = (outgoing) => ({
    ...outgoing,
    body: spec.bodyTemplate.replaceAll('{n}', String(counter++)),
  });
}
if (spec.collect) {
  request.onResponse = (status, body) => {
    if (status >= 200 && status < 300) collected.push(JSON.parse(body)[spec.collect]);
  };
}

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.duration,
  requests: [request],
});

process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    collected,
  })}\n`,
);
