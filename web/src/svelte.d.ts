declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<any>;
  export default component;
}

/** Stylesheets are bundled by Vite for their side effect. */
declare module '*.css';
