// Server tests log only warnings from the SDK: the bundler and worker state chatter hides real failures.
import { DefaultLogger, Runtime } from '@temporalio/worker';

Runtime.install({ logger: new DefaultLogger('WARN') });
