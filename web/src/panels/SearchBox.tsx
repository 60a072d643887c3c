/** Search box: debounced /api/search; picking a result flies to the asset and opens its panel. */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useSearch } from '../api/hooks.ts';
import type { SearchResult } from '../api/types.ts';
import { humanize } from './format.ts';

export interface SearchBoxProps {
  onSelect: (result: SearchResult) => void;
  placeholder?: string;
  /** Accessible name of the input. */
  label?: string;
  /** Test id of the input (default `search-input`). */
  testId?: string;
  /** Extra class of the box (e.g. to sit inside a panel). */
  className?: string;
  /** Empty the box after a pick (to pick several in a row). */
  clearOnSelect?: boolean;
}

export function SearchBox({
  onSelect,
  placeholder = 'Search id, name, address, meter or customer no.',
  label = 'Search assets',
  testId = 'search-input',
  className,
  clearOnSelect = false,
}: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useSearch(query);
  const results = search.results;
  const settled = !search.loading && search.query === query.trim();

  const choose = (r: SearchResult): void => {
    setOpen(false);
    setQuery(clearOnSelect ? '' : r.label);
    onSelect(r);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      const r = results[active] ?? results[0];
      if (r) choose(r);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className={className ? `search ${className}` : 'search'} role="search">
      <input
        data-testid={testId}
        type="search"
        placeholder={placeholder}
        aria-label={label}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {search.loading && <span className="search-spinner" aria-hidden="true" />}
      {open && query.trim() !== '' && (results.length > 0 || settled) && (
        <ul className="search-results" role="listbox">
          {results.map((r, i) => (
            <li
              key={`${r.table}:${r.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="search-result"
              data-id={r.id}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(r)}
            >
              <span className="search-label">{r.label}</span>
              <span className="search-table">{humanize(r.table)}</span>
              {r.detail && <span className="search-detail">{r.detail}</span>}
            </li>
          ))}
          {settled && results.length === 0 && (
            <li className="search-empty">{search.error ? `Search failed: ${search.error}` : 'No matches'}</li>
          )}
        </ul>
      )}
    </div>
  );
}
