import { toEventTypeView } from './event-type-view.mapper.js';

const record = {
  name: 'job.failed',
  templates: { default: { title: 'Job {{ data.job }} failed' } },
  defaultMethods: ['email'],
  adminMethods: null,
  enabledByDefault: true,
  critical: false,
  group: 'jobs',
  dedupeWindowSeconds: 300,
};

describe('toEventTypeView', () => {
  it('shows the methods the router sends by: the defaults until an admin sets some', () => {
    expect(toEventTypeView(record)).toEqual({ ...record, methods: ['email'] });
    expect(toEventTypeView({ ...record, adminMethods: ['webhook'] }).methods).toEqual(['webhook']);
    expect(toEventTypeView({ ...record, adminMethods: [] }).methods).toEqual([]);
  });
});
