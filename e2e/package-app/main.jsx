// A throwaway Vite + React app that installs race-lab-embed from its tarball
// (e2e/package.spec.ts). The test passes Race Lab's address in the page's query.
import { createRoot } from 'react-dom/client';
import { RaceLab } from 'race-lab-embed';

window.raceLabResults = [];
const src = new URLSearchParams(location.search).get('lab');

createRoot(document.getElementById('root')).render(
  <article>
    <h1>Lost updates</h1>
    <RaceLab
      src={src}
      preset="blog"
      title="Race Lab: the blog's program"
      onResult={(result) => window.raceLabResults.push(result)}
    />
  </article>,
);
