import { ApiKeyEntity } from './api-key.entity.js';
import { AttachmentEntity } from './attachment.entity.js';
import { AttemptEntity } from './attempt.entity.js';
import { DeliveryEntity } from './delivery.entity.js';
import { EventTypeEntity } from './event-type.entity.js';
import { HookSourceEntity } from './hook-source.entity.js';
import { InboxItemEntity } from './inbox-item.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { NotifierEntity } from './notifier.entity.js';
import { PreferenceEntity } from './preference.entity.js';
import { ResourceEntity } from './resource.entity.js';
import { SettingEntity } from './setting.entity.js';
import { UserEntity } from './user.entity.js';

export {
  ApiKeyEntity,
  AttachmentEntity,
  AttemptEntity,
  DeliveryEntity,
  EventTypeEntity,
  HookSourceEntity,
  InboxItemEntity,
  NotificationEntity,
  NotifierEntity,
  PreferenceEntity,
  ResourceEntity,
  SettingEntity,
  UserEntity,
};

export const ENTITIES = [
  ApiKeyEntity,
  AttachmentEntity,
  AttemptEntity,
  DeliveryEntity,
  EventTypeEntity,
  HookSourceEntity,
  InboxItemEntity,
  NotificationEntity,
  NotifierEntity,
  PreferenceEntity,
  ResourceEntity,
  SettingEntity,
  UserEntity,
];
