"""The grading engine: the hidden test cells, the preprocessors that score the plan file, parallel grading and feedback."""
