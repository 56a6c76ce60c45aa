import { useQueryClient } from '@tanstack/react-query';

/** Marks every cached answer under these API paths stale, so lists show the change. */
export function useRefresh(...paths: string[]) {
  const client = useQueryClient();
  return () =>
    Promise.all(
      paths.map((path) =>
        client.invalidateQueries({
          predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0] === path,
        }),
      ),
    );
}
