// The entry of an analysis thread (see analysis-pool.ts). Loading compromise takes a second
// or two and is synchronous: it happens here, before the thread says it is ready, so the
// API's event loop never pays for it.
import { serveTasks } from '../platform/thread-pool-worker.js';
import { evaluateOffline } from './feedback/offline-evaluator.js';
import { loadTagger } from './feedback/nlp.js';
import { composeQuestion } from './offline/offline-generator.js';
import { planQuestion } from './plan/question-plan.js';
import { loadGrammar } from './text/grammar.js';

loadGrammar();
await loadTagger();

serveTasks({ composeQuestion, evaluateOffline, planQuestion });
