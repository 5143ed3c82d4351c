import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { NetworkTemplate } from '../../../shared/model/network/networkTemplate.ts';
import type { TemplateItemType } from '../../../shared/schemas/networks.ts';

/** Template items of one type as select options, labelled with their domain so similar wordings can be told apart. */
export function itemOptions(template: Pick<NetworkTemplate, 'items'>, type: TemplateItemType) {
  return template.items
    .filter((item) => item.type === type)
    .map((item) => ({
      value: item.templateId,
      label: item.domain ? `${item.label} (${domainLabel(item.domain)})` : item.label,
    }));
}
