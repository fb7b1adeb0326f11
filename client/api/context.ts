import { type ServiceDeps } from '../policy-service';
import { type Guard } from './guard';

/** What every route module gets: the policy service's dependencies and the access guard. */
export interface RouteContext {
  readonly deps: ServiceDeps;
  readonly guard: Guard;
}
