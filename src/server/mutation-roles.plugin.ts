import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { ROLES } from './api-keys';
import type { GatewayContext } from './context';
import { isMutationName, MUTATION_ROLES, type MutationName } from './mutation-roles';

/**
 * Checks the key against every mutation of an operation before any runs: an
 * operation with one mutation the key may not run changes nothing, rather
 * than failing after the ones before it were stored.
 */
export function mutationRolesPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
          const names = [...new Set(mutationFields(operation.selectionSet, fragments))];
          // The strongest role first: the refusal names what the whole operation needs.
          names.sort((a, b) => ROLES.indexOf(MUTATION_ROLES[b]) - ROLES.indexOf(MUTATION_ROLES[a]));
          for (const name of names) contextValue.authorize(name);
        },
      };
    },
  };
}

function mutationFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): MutationName[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return isMutationName(selection.name.value) ? [selection.name.value] : [];
    if (selection.kind === Kind.INLINE_FRAGMENT) return mutationFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return mutationFields(fragment.selectionSet, fragments, seen);
  });
}
