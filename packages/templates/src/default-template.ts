import type { MessageTemplate } from './template-context.js';

/**
 * For events of a type nobody registered: a readable message built from the data alone, so an
 * unregistered event still tells its reader what happened. Data carrying its own `summary` (an
 * inbound hook's, whose data is the whole provider payload) is summed up by it instead of listed.
 */
export const DEFAULT_TEMPLATE: MessageTemplate = {
  title: `{% if data.title %}{{ data.title }}{% else %}{{ type | replace: "_", " " | replace: ".", " " | capitalize }}{% if source %} ({{ source.kind }} {{ source.id }}){% endif %}{% endif %}`,
  body: [
    `{% if data.message %}{{ data.message }}\n\n{% endif %}`,
    `{% if data.summary %}{{ data.summary }}\n{% else %}`,
    `{% for entry in data %}{% unless entry[0] == "title" or entry[0] == "message" %}- **{{ entry[0] }}**: {{ entry[1] | json_if_object }}\n{% endunless %}{% endfor %}`,
    `{% endif %}`,
    `{% if actions.size > 0 %}\n{% for action in actions %}[{{ action.label }}]({{ action.url }}){% unless forloop.last %} · {% endunless %}{% endfor %}\n{% endif %}`,
  ].join(''),
};
