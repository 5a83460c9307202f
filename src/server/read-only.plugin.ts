import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** A read-only gateway refuses every mutation before it runs, whatever the key. */
export function readOnlyPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          throw new GraphQLError('this gateway is read-only: mutations are switched off (NIANBAO_READ_ONLY)', { extensions: { code: 'READ_ONLY', http: { status: 403 } } });
        },
      };
    },
  };
}
