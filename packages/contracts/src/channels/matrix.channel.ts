import { AddressKind, type ChannelDefinition } from './channel-definition.js';
import { ChannelName } from './channel-name.enum.js';

/** Matrix notifier config. */
export class MatrixConfigDto {}

export const MATRIX_CHANNEL: ChannelDefinition = {
  name: ChannelName.Matrix,
  configDto: MatrixConfigDto,
  addressKind: AddressKind.Handle,
  secretFields: ['accessToken'],
  defaultRateLimit: { max: 5, durationMs: 1000 },
};
