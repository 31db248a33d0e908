import { Component, type ReactNode } from 'react';

/** Shows `fallback(error)` instead of a blank page when a screen fails to render (e.g. storage blocked). */
export class ErrorBoundary extends Component<{ fallback: (error: unknown) => ReactNode; onError?: (error: unknown) => void; children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError?.(error);
  }
  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
