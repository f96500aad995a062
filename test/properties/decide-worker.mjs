// Decides jobs in the given order with documents loaded once per thread, inside a worker thread,
// against the built package; posts the decisions back in job order.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

const { decide, loadCompliance, loadPolicy } = await import(pathToFileURL(workerData.dist).href);
const { jobs, order } = workerData;
const loaded = jobs.map((job) => ({ policy: loadPolicy(job.policy), compliance: loadCompliance(job.compliance, { calendars: job.calendars }) }));
const results = new Array(jobs.length);
for (const i of order) results[i] = JSON.stringify(decide(jobs[i].input, loaded[i]));
parentPort.postMessage(results);
