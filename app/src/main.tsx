import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<h1>一网通办</h1>);
