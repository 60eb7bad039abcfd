/** DI tokens: a bullmq Queue or an ioredis client has no class of ours to inject by. */
export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
export const ROUTE_QUEUE = Symbol('ROUTE_QUEUE');
/** Every `deliver.<channel>` queue, as a `ReadonlyMap<channel, Queue>`. */
export const DELIVER_QUEUES = Symbol('DELIVER_QUEUES');
