import type { AgendaItemKind, ContractType } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** The translated name of a kind of agenda step. */
export function kindLabel(kind: AgendaItemKind): string {
  switch (kind) {
    case 'plenary':
      return m.room_agenda_kind_plenary();
    case 'workgroup':
      return m.room_agenda_kind_workgroup();
    case 'vote':
      return m.room_agenda_kind_vote();
    case 'break':
      return m.room_agenda_kind_break();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The translated name of a contract type (the need form of the ideas board). */
export function contractLabel(contract: ContractType): string {
  switch (contract) {
    case 'cdi':
      return m.room_contract_cdi();
    case 'cdd':
      return m.room_contract_cdd();
    case 'apprenticeship':
      return m.room_contract_apprenticeship();
    case 'internship':
      return m.room_contract_internship();
    case 'interim':
      return m.room_contract_interim();
    default: {
      const unreachable: never = contract;
      return unreachable;
    }
  }
}
