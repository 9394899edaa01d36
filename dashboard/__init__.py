"""Regional-innovation dashboard: claims from newspaper reports, each traced to its sentence."""
