import type { BaselineResult } from './baseline.js';
import type { ProfileSummary } from './cpu-profile.js';
import type { BenchOptions } from './options.js';
import type { PostgresWrites } from './postgres-writes.js';
import type { ProcessWindow } from './process-sampler.js';
import type { LatencySummary } from './stats.js';

export interface RedisWindow {
  /** used_memory of the whole Redis (shared with whatever else runs on it), at the phase's start and end. */
  usedMemoryStartMb: number;
  usedMemoryEndMb: number;
  /** Keys under the stack's queue prefix. */
  prefixKeysStart: number;
  prefixKeysEnd: number;
}

export interface PhaseResult {
  name: string;
  /** Offered load in events/s; null for the unthrottled phase. */
  rate: number | null;
  measured: boolean;
  offered: number;
  accepted: number;
  /** Answers other than 202 by status ("error": no answer). */
  rejected: Record<string, number>;
  rejectExample?: string;
  acceptedPerSecond: number;
  delivered: number;
  duplicates: number;
  /** Accepted events whose delivery never reached the receiver. */
  lost: number;
  /** Delivered / (last arrival - first post). */
  deliveredPerSecond: number;
  durationMs: number;
  /** From the 202 reaching the client to the webhook reaching the receiver, in ms. */
  latency: LatencySummary;
  /** From sending the POST to its 202, in ms (the API's answer time, queueing on its connection included). */
  acceptLatency: LatencySummary;
  processes: ProcessWindow[];
  redis: RedisWindow;
}

export type TargetStatus = 'met' | 'not met' | 'not measured';

export interface TargetCheck {
  target: string;
  measured: string;
  status: TargetStatus;
}

export interface BenchResult {
  startedAt: string;
  command: string;
  machine: {
    cpus: number;
    node: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
    /** /proc/pressure/cpu `some avg60` (%): how much of the last minute something waited for a CPU. */
    cpuPressureStart: number;
    cpuPressureEnd: number;
  };
  options: BenchOptions;
  /** Environment every app ran with beyond the stack's addresses (rate limits lifted, --env). */
  appEnv: Record<string, string>;
  baseline?: BaselineResult;
  phases: PhaseResult[];
  postgres?: PostgresWrites;
  /** Deliveries the receiver could not attribute to a phase. */
  unattributedDeliveries: number;
  targets: TargetCheck[];
  profiles: ProfileSummary[];
  files: { json: string; chart?: string };
}
