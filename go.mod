module explainer

go 1.26.0
