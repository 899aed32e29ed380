module github.com/maxence-charriere/go-app/v10

go 1.23.0

toolchain go1.24.0

require (
	github.com/google/uuid v1.6.0
	github.com/stretchr/testify v1.6.1
)

require (
	github.com/davecgh/go-spew v1.1.0 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	gopkg.in/yaml.v3 v3.0.0-20200313102051-9f266ea9e77c // indirect
)
