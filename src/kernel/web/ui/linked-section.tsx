/**
 * A section listing the records another module links to this one, read from that module's public API:
 * a heading, the links, or a sentence saying there are none. The caller names the API path and how its
 * answer becomes links, so the kernel knows no module.
 */
import { Link } from 'react-router';
import { useApiData } from '../use-api.ts';
import { Loaded } from './loaded.tsx';

export interface LinkedSectionProps<Data> {
  /** The heading's id, unique on the page. */
  id: string;
  title: string;
  empty: string;
  /** The public API path whose answer holds the linked records. */
  path: string;
  links: (data: Data) => readonly { key: string; to: string; label: string }[];
}

export function LinkedSection<Data>({ id, title, empty, path, links }: LinkedSectionProps<Data>) {
  const state = useApiData<Data>(path);
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <Loaded state={state}>
        {(data) => {
          const items = links(data);
          return items.length === 0 ? (
            <p>{empty}</p>
          ) : (
            <ul>
              {items.map((item) => (
                <li key={item.key}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          );
        }}
      </Loaded>
    </section>
  );
}
