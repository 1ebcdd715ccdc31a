"use client";

import { useState } from "react";
import { Button } from "./button";

/** Keeps the cursors of the pages before the current one, so "Previous" needs no offset query. */
export function useCursorPaging() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors.at(-1) ?? null,
    hasPrevious: cursors.length > 1,
    previous: () => setCursors(cursors.slice(0, -1)),
    next: (cursor: string) => setCursors([...cursors, cursor]),
    backToFirst: () => setCursors([null]),
  };
}

export function PagingFooter({ paging, nextCursor }: { paging: ReturnType<typeof useCursorPaging>; nextCursor: string | null }) {
  return (
    <div className="mt-3 flex gap-2">
      <Button disabled={!paging.hasPrevious} onClick={paging.previous}>Previous</Button>
      <Button disabled={!nextCursor} onClick={() => nextCursor && paging.next(nextCursor)}>Next</Button>
    </div>
  );
}
